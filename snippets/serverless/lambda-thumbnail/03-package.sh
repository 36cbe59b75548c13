zip function.zip CreateThumbnail.py
