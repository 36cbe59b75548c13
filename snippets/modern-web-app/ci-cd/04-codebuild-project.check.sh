[[ $(aws codebuild batch-get-projects --names MythicalMysfitsServiceCodeBuildProject --output text \
    --query 'projects[0].[source.type, source.location, serviceRole]') \
   == "CODECOMMIT"$'\t'"$CLONE_URL"$'\t'"$CODEBUILD_ROLE_ARN" ]]
