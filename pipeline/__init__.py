"""stance: who said what in news articles, and where each speaker stands on the topics you track."""

from pathlib import Path

__version__ = "0.1.0"

# Relative paths in configs are resolved against the project root (the folder holding pyproject.toml).
PROJECT_ROOT = Path(__file__).resolve().parents[1]
