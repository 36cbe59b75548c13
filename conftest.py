pytest_plugins = ["checks.plugin"]
