echo 'cat /etc/os-release' | docker container run --interactive --tty --rm ubuntu bash
