[[ $(aws iam get-role-policy --role-name MythicalMysfitsServiceCodeBuildRole \
    --policy-name MythicalMysfitsServiceCodeBuildPolicy --query 'length(PolicyDocument.Statement)') == 5 ]]
[[ $(aws iam get-role --role-name MythicalMysfitsServiceCodeBuildRole --output text \
    --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service') == codebuild.amazonaws.com ]]
