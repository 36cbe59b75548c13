! grep -q "$REGISTRY" "$HOME/.docker/config.json" 2> /dev/null
