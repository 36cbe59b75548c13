# The task definition names the image by its tag, which now points at the new image:
# a new deployment starts new tasks (which pull it) and then stops the old ones.
aws ecs update-service --cluster MythicalMysfits-Cluster --service MythicalMysfits-Service \
    --force-new-deployment --query 'service.[serviceName, deployments[0].status]' --output text
aws ecs wait services-stable --cluster MythicalMysfits-Cluster --services MythicalMysfits-Service
