# git-remote-codecommit lets git use your AWS credentials (no Git passwords).
# pipx installs it in a virtual environment of its own, and puts the command on PATH.
pipx install git-remote-codecommit
git clone codecommit://MythicalMysfitsService-Repository
# The service from the Fargate page, and the buildspec above, go to the repository's root.
cp Dockerfile mythicalMysfitsService.py mysfits-response.json buildspec.yml \
    MythicalMysfitsService-Repository/
git -C MythicalMysfitsService-Repository add .
git -C MythicalMysfitsService-Repository commit -m "Mythical Mysfits service"
git -C MythicalMysfitsService-Repository push origin HEAD:main
