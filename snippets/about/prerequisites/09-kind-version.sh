kind version
