; the objects of a pm2 ecosystem file that say how many instances to run
(object
  (pair
    key: [(property_identifier) (string)] @app.key (#match? @app.key "^[\"']?(instances|exec_mode)[\"']?$"))) @app.object
