from dialoogspel.entry import main

main()
