aws codepipeline get-pipeline --name MythicalMysfitsServiceCICDPipeline --output text \
    --query 'pipeline.stages[].[name, actions[0].actionTypeId.provider, join(`,`, actions[0].inputArtifacts[].name), join(`,`, actions[0].outputArtifacts[].name)]'
