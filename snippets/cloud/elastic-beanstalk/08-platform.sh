STACK=$(aws elasticbeanstalk list-available-solution-stacks --output text \
  --query "SolutionStacks[?contains(@, 'Amazon Linux 2023') && ends_with(@, 'Node.js 22')] | [0]")
echo "$STACK"
