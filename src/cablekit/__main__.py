from cablekit.cli import main

main()
