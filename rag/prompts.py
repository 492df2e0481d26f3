"""Every prompt and fixed phrase the pipeline uses, in one place.

The default model has 135M parameters: it follows a short instruction and one
worked example far better than a long list of rules. Safety does not rest on
the prompt: whatever the model writes is checked against the evidence
(citations.py), so instructions smuggled into documents or questions cannot
put unsupported text, or this prompt, in front of the user.
"""

from __future__ import annotations

REFUSAL = "I could not find this in the articles."

# Measured on the development set: this terse form gets short, correct answers
# ("Rachael Taylor.", "2018.") where longer instructions, numbered evidence or a
# worked example made the 135M model echo the question or copy the example.
# The model does not write markers; citations.py attributes each sentence to
# the evidence that supports it.
SYSTEM_PROMPT = "Answer the question using the context. Be brief."

EVIDENCE_SEPARATOR = " "

USER_PROMPT = "Context: {evidence}\n\nQuestion: {question}\nAnswer:"

# The model sometimes goes on to invent the next question; cut it there.
STOP_SEQUENCES = ("\nQuestion:", "\nContext:", "\n\n")

# Shown when nothing the model wrote is supported but the evidence is relevant:
# the best evidence, quoted, is a truthful answer on its own.
EXTRACTIVE_PREFIX = "The articles say: "
# Before a quote, when the question asks which publication said it ("Which magazine did
# Rosenberg tell ...?"): the publication comes from the document's own "Source:" line.
PUBLICATION_QUOTE = "(in {publication}) "

# Folds earlier turns into the retrieval query so that "and what about Trish?"
# is searched together with what it refers to.
FOLLOW_UP_SEPARATOR = " \n "
