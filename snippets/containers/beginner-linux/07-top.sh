docker container top greeter
