docker container run alpine ls -l
