sudo systemctl start httpd
sudo systemctl enable httpd
systemctl is-enabled httpd
curl -sI http://localhost/ | head -n 1
