"""Getting documents into kb: readers, normalisation, chunking, extraction and the pipeline."""
