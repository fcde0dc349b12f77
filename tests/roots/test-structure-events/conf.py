# Kind pages whose sections are missing, misplaced or at the wrong level.
project = "Structure events"
