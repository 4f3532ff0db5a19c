"""Real services for the tests, each started on loopback in a temporary folder and stopped."""
