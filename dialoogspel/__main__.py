from dialoogspel.cli import main

main()
