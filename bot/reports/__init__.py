"""What the registry shows as files: pictures (map, charts) and exports (JSONL, CSV, XLSX)."""
