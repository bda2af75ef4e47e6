from dialoogspel.launch import main

main()
