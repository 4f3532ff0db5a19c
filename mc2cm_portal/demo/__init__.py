"""Demo content for `make run` and the tests: TOML files in content/, loaded by the
``load_demo_content`` command, and the ``create_dev_accounts`` command."""
