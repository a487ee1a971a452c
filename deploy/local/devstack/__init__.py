"""What `make run` and the tests start: the embedded broker and the platform's processes."""
