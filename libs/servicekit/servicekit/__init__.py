"""Shared plumbing of the platform's services."""
