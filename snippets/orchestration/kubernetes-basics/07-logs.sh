kubectl logs "$POD_NAME"
