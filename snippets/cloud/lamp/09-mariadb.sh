sudo systemctl start mariadb
sudo mysql_secure_installation
sudo systemctl enable mariadb
