"""What the base holds and how it is searched: records, Chroma and BM25 stores, hybrid retrieval, embeddings."""
