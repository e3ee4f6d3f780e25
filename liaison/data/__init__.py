"""Storage of Liaison: SQLAlchemy models, sessions, migrations, reference data, search index."""
