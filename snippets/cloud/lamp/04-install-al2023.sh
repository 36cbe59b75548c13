sudo dnf upgrade -y
sudo dnf install -y httpd php php-mysqli mariadb105-server
