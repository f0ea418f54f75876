"""Text without pygame: Chinese word segmentation and line breaking.

``segment`` finds the words of Chinese text with a small table of the words of
every shipped text (``words.txt``, made by ``tools/build_wordlist.py``);
``linebreak`` breaks paragraphs into lines between those words.
"""
