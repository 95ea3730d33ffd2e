"""The baseline of issue #6: TF-IDF character n-grams (1-3) and a linear SVM (scikit-learn), on the same train/test
split as GridCare's model. Prints the same scores: macro-F1 over the twelve joint labels and over the eight types."""
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC


def read(path):
    texts, labels, types = [], [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            text, kind = parts[0], parts[1]
            cls = parts[2] if len(parts) > 2 else ""
            texts.append(text)
            types.append(kind)
            labels.append(kind + ("/" + cls if cls else ""))
    return texts, labels, types


train_texts, train_labels, _ = read(sys.argv[1])
test_texts, test_labels, test_types = read(sys.argv[2])
start = time.perf_counter()
vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=1)
model = LinearSVC(C=1.0)
model.fit(vectorizer.fit_transform(train_texts), train_labels)
trained = time.perf_counter() - start
start = time.perf_counter()
repeats = max(1, 20000 // len(test_texts))
for _ in range(repeats):
    predicted = model.predict(vectorizer.transform(test_texts))
rate = repeats * len(test_texts) / (time.perf_counter() - start)
predicted_types = [p.split("/")[0] for p in predicted]
print("baseline tfidf-char-1-3+LinearSVC: label macro-F1 %.4f, type macro-F1 %.4f, type accuracy %.4f, trained on %d in %.2f s, %.0f texts/s (batched)"
      % (f1_score(test_labels, predicted, average="macro"), f1_score(test_types, predicted_types, average="macro"),
         accuracy_score(test_types, predicted_types), len(train_texts), trained, rate))
