sudo usermod -a -G apache ec2-user
exit   # log out, then log in again (ssh) so that the new group applies
