echo 'not-the-password' | docker login --username testuser --password-stdin localhost:5043
