"""DuckDB side of storyhouse: table definitions, staging loads, the quality gate, publishing."""
