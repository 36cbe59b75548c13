aws configure
