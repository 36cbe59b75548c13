# Logged out: the session's Docker config holds no credentials for the registry any more.
! grep -q 'localhost:5043' "$HOME/.docker/config.json"
