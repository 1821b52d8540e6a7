import re,glob,unicodedata,os,sys
base='/work/research/reports'
bad=0
for md in sorted(glob.glob(base+'/*.md')):
    t=open(md,encoding='utf-8').read()
    m=re.search(r'`_excerpts/([^`]+)`',t)
    if not m: print(md,'no excerpt ref'); continue
    ex=open(os.path.join(base,'_excerpts',m.group(1)),encoding='utf-8').read()
    ex=unicodedata.normalize('NFC',ex)
    if unicodedata.normalize('NFC',t)!=t: print(md,'NOT NFC'); bad+=1
    n=0
    for line in t.splitlines():
        if '**F' in line:
            for q in re.findall(r'"([^"]+)"',line):
                n+=1
                if q not in ex:
                    print('MISSING in',os.path.basename(md),':',q); bad+=1
    print(os.path.basename(md),'quotes checked:',n)
print('problems:',bad)
