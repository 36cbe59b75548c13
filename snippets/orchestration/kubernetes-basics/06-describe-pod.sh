kubectl describe pod "$POD_NAME"
