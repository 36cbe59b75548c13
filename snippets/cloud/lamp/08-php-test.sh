echo "<?php phpinfo(); ?>" > /var/www/html/phpinfo.php
curl -s http://localhost/phpinfo.php | grep -o '<title>.*</title>'
rm /var/www/html/phpinfo.php
