echo 'cat /etc/os-release' | docker container run --interactive --rm ubuntu bash
