docker container run --interactive --tty --rm ubuntu bash
