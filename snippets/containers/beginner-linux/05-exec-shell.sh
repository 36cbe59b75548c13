docker container exec --interactive --tty greeter sh
