kubectl exec -ti "$POD_NAME" -- bash
