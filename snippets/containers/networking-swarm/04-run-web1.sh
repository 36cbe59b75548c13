docker run --name web1 -d -p 8080:80 nginx
