aws --version
