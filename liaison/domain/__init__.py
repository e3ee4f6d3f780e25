"""Pure domain rules of Liaison: no database, no Qt."""
