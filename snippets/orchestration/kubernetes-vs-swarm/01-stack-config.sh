docker stack config --compose-file stack.yml
